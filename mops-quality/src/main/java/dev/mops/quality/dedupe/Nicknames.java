package dev.mops.quality.dedupe;

import java.util.HashMap;
import java.util.Map;

/**
 * A small table of English given-name nicknames, folded to one formal name each.
 *
 * <p>To be replaced by the name normalizer of {@code dev.mops.core.normalize} when it reaches main.
 *
 * <p>Thread safety: immutable after class initialization.
 */
final class Nicknames {

  private static final Map<String, String> FORMAL = new HashMap<>();

  static {
    add("robert", "rob", "bob", "bobby", "robbie", "bert");
    add("william", "will", "bill", "billy", "willy", "liam");
    add("richard", "rick", "dick", "rich", "ricky", "richie");
    add("james", "jim", "jimmy", "jamie");
    add("john", "jack", "johnny", "jon");
    add("jonathan", "jon", "jonny");
    add("michael", "mike", "mikey", "mick", "mickey");
    add("thomas", "tom", "tommy");
    add("joseph", "joe", "joey");
    add("charles", "charlie", "chuck", "chas");
    add("christopher", "chris", "kit");
    add("daniel", "dan", "danny");
    add("matthew", "matt");
    add("anthony", "tony");
    add("andrew", "andy", "drew");
    add("edward", "ed", "eddie", "ted", "ned");
    add("benjamin", "ben", "benny");
    add("samuel", "sam", "sammy");
    add("alexander", "alex", "sasha", "xander");
    add("nicholas", "nick", "nicky");
    add("stephen", "steve", "stevie", "steven");
    add("timothy", "tim", "timmy");
    add("joshua", "josh");
    add("david", "dave", "davy");
    add("peter", "pete");
    add("patrick", "pat", "paddy");
    add("gregory", "greg");
    add("jeffrey", "jeff", "geoff", "geoffrey");
    add("kenneth", "ken", "kenny");
    add("ronald", "ron", "ronnie");
    add("donald", "don", "donnie");
    add("lawrence", "larry", "laurence");
    add("frederick", "fred", "freddie");
    add("henry", "harry", "hank");
    add("zachary", "zach", "zack");
    add("nathaniel", "nate", "nathan");
    add("elizabeth", "liz", "lizzie", "beth", "betty", "eliza", "libby");
    add("margaret", "maggie", "peggy", "meg", "marge");
    add("katherine", "kate", "kathy", "katie", "kat", "catherine", "kathryn", "cathy");
    add("jennifer", "jen", "jenny");
    add("jessica", "jess", "jessie");
    add("rebecca", "becky", "becca");
    add("victoria", "vicky", "tori");
    add("alexandra", "alex", "lexi", "sandra");
    add("susan", "sue", "susie");
    add("deborah", "debbie", "deb");
    add("patricia", "patty", "trish", "tricia");
    add("christina", "chris", "tina", "christine");
    add("samantha", "sam", "sammie");
    add("abigail", "abby", "abbey");
    add("isabella", "bella", "izzy", "isabel");
    add("jacqueline", "jackie");
    add("kimberly", "kim");
    add("pamela", "pam");
    add("dorothy", "dot", "dottie");
    add("theresa", "terry", "tess", "teresa");
    add("amanda", "mandy");
    add("madeline", "maddie", "madison");
    add("caroline", "carrie", "carol");
    add("joanne", "jo", "joanna");
  }

  private Nicknames() {}

  private static void add(String formal, String... nicknames) {
    for (String n : nicknames) {
      FORMAL.putIfAbsent(n, formal);
    }
  }

  /** Returns the formal name a folded given name stands for (itself when it is not a nickname). */
  static String formal(String name) {
    return FORMAL.getOrDefault(name, name);
  }
}
