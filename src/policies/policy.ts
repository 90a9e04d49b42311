import type { Actor, ActorRole } from '../app/actor';
import { Refusal } from '../domain/refusal';

/**
 * One rule: who may take one action on one kind of subject, and what they are told when they may not.
 * Declared in the files of this folder, asked only through `can` / `authorize` (./index.ts).
 */
export interface Policy<S> {
  allows(actor: Actor, subject: S): boolean;
  refusal(actor: Actor, subject: S): Refusal;
}

export const policy = <S>(
  allows: (actor: Actor, subject: S) => boolean,
  refusal: (actor: Actor, subject: S) => Refusal,
): Policy<S> => ({ allows, refusal });

/** Whether the directory gives the actor this role (only rules call it). */
export const holds = (actor: Actor, role: ActorRole): boolean => actor.roles.includes(role);

/** A college-wide action only the archive room takes. */
export const archivistsOnly = (
  refusal: () => Refusal = () => new Refusal('errors.not_archivist'),
) => policy<void>((actor) => holds(actor, 'archivist'), refusal);

/** Anyone may (kept in the table so every action has a rule and a test row). */
export const anyone = <S = void>(): Policy<S> =>
  policy<S>(
    () => true,
    () => new Refusal('errors.not_allowed'),
  );
