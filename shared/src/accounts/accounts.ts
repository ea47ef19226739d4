/**
 * Accounts, teams and their HTTP bodies. Guests need none of this: a session is joined by link or
 * code with no account.
 */
import { z } from 'zod';
import { displayNameSchema } from '../session/participants.ts';

export const emailSchema = z
  .string()
  .trim()
  .max(254, 'An email address is at most 254 characters.')
  .pipe(z.email('Enter an email address like name@example.org.'))
  .transform((email) => email.toLowerCase());

export const passwordMinLength = 10;
export const passwordMaxLength = 200;

export const passwordSchema = z
  .string()
  .min(passwordMinLength, `A password needs at least ${passwordMinLength} characters.`)
  .max(passwordMaxLength, `A password is at most ${passwordMaxLength} characters.`);

export const signUpRequestSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  displayName: displayNameSchema,
});
export type SignUpRequest = z.input<typeof signUpRequestSchema>;

export const signInRequestSchema = z.object({
  email: emailSchema,
  // Any length is checked (and refused) the same way, so the rules do not leak through errors.
  password: z.string().min(1, 'Enter your password.').max(passwordMaxLength),
});
export type SignInRequest = z.input<typeof signInRequestSchema>;

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
});
export type User = z.infer<typeof userSchema>;

/** Answer of sign-up, sign-in and `GET /api/auth/me`. */
export const meSchema = z.object({ user: userSchema });
export type Me = z.infer<typeof meSchema>;

/** Answer of `GET /api/auth/me`: null for a guest (a guest is not an error). */
export const currentUserSchema = z.object({ user: userSchema.nullable() });
export type CurrentUser = z.infer<typeof currentUserSchema>;

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1, 'Enter your current password.').max(passwordMaxLength),
  newPassword: passwordSchema,
});
export type ChangePasswordRequest = z.input<typeof changePasswordRequestSchema>;

export const deleteAccountRequestSchema = z.object({
  password: z.string().min(1, 'Enter your password to confirm.').max(passwordMaxLength),
});
export type DeleteAccountRequest = z.input<typeof deleteAccountRequestSchema>;

/**
 * `GET /api/auth/export`: a person's own data. Anonymous notes are not in it: nothing ties one to
 * its author, so there is nothing to find them by.
 */
export const accountExportSchema = z.object({
  exportedAt: z.string(),
  about: z.string(),
  account: z.object({ email: z.string(), displayName: z.string(), createdAt: z.string() }),
  teams: z.array(z.object({ name: z.string(), role: z.string(), joinedAt: z.string() })),
  sessions: z.array(
    z.object({
      title: z.string(),
      team: z.string().nullable(),
      createdAt: z.string(),
      closedAt: z.string().nullable(),
      displayName: z.string(),
      role: z.string(),
      notes: z.array(z.object({ stage: z.string(), text: z.string(), createdAt: z.string() })),
      /**
       * Votes you gave in voting that is still open: kept only until it closes, after which only
       * the counts remain. `note` is null for a note deleted since.
       */
      votes: z.array(
        z.object({ stage: z.string(), note: z.string().nullable(), count: z.number() }),
      ),
    }),
  ),
  actions: z.array(
    z.object({
      team: z.string(),
      text: z.string(),
      due: z.string().nullable(),
      status: z.string(),
      createdAt: z.string(),
    }),
  ),
});
export type AccountExport = z.infer<typeof accountExportSchema>;
