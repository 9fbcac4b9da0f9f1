// The shape of a message: a string with {parameters}, or in English a pair of forms chosen by a count.

/** An English message that depends on a count: `one` for 1, `other` otherwise (chosen by Intl.PluralRules). */
export interface Plural {
  one: string;
  other: string;
}

export type Message = string | Plural;
