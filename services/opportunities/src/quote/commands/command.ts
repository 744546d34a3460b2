// What every quote command carries besides its own fields. Time and ids arrive with the command:
// the decider has no clock and makes up no ids (nor version numbers).

export interface QuoteCommandBase {
  /** The quote the command is for (its stream): one id per version. */
  quoteId: string;
  /** ISO-8601 time the command was issued: the decider's only clock. */
  at: string;
  /** The user id (or `system:<component>`) issuing it. */
  actor: string;
}
