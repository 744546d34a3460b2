// What every order command carries besides its own fields. Time and ids arrive with the command:
// the decider has no clock and makes up no ids (nor order numbers).

export interface OrderCommandBase {
  /** The order the command is for (its stream): orderIdForQuote(quoteId) when placing. */
  orderId: string;
  /** ISO-8601 time the command was issued: the decider's only clock. */
  at: string;
  /** The user id (or `system:<component>`) issuing it. */
  actor: string;
}
