import { z } from 'zod';

export const Role = {
  facilitator: 'facilitator',
  coFacilitator: 'co-facilitator',
  participant: 'participant',
  /** Reads everything a participant reads; never writes. */
  observer: 'observer',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

export const roleSchema = z.enum([
  Role.facilitator,
  Role.coFacilitator,
  Role.participant,
  Role.observer,
]);

/** Facilitators and co-facilitators hold the facilitator's controls. */
export function isFacilitating(role: Role): boolean {
  return role === Role.facilitator || role === Role.coFacilitator;
}

export function roleLabel(role: Role): string {
  switch (role) {
    case Role.facilitator:
      return 'facilitator';
    case Role.coFacilitator:
      return 'co-facilitator';
    case Role.participant:
      return 'participant';
    case Role.observer:
      return 'observer';
  }
}
