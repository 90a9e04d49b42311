import { z } from 'zod';

/**
 * Every button and form payload the bot emits, as one discriminated union shared by the card
 * builders (to emit) and the callback router (to parse). Adding an action = one member here.
 */
export const cardActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('help.show') }),
]);

export type CardAction = z.infer<typeof cardActionSchema>;
export type CardActionName = CardAction['action'];

/** Typed helper so builders cannot emit a payload the router would refuse. */
export const actionValue = <A extends CardAction>(a: A): Record<string, unknown> => ({ ...a });
