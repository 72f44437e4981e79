import { z } from "zod";
import { CAPABILITIES, roleValues } from "../../domain/access.js";
import { timestamp } from "../../http/contract.js";

export const secondFactorStatusBody = z.object({
  offered: z.boolean().meta({ description: "Vai trò của người dùng được dùng xác thực hai bước (hoặc đã bật)." }),
  enabled: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});

/** One role held by an account, in one unit's subtree (or system-wide when unitId is null). */
export const roleGrantBody = z.object({
  id: z.number().int(),
  role: z.enum(roleValues),
  roleLabel: z.string(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
});

export const meBody = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  roles: z.array(roleGrantBody),
  capabilities: z.array(z.enum(CAPABILITIES)),
  secondFactor: secondFactorStatusBody,
  csrfToken: z.string(),
});

export const signInBody = z.union([
  z.object({ user: meBody, passwordNeedsChange: z.boolean() }),
  z.object({ secondFactor: z.object({ challenge: z.string(), expiresAt: timestamp }) }),
]);

export const enrolmentBody = z.object({ secret: z.string().meta({ description: "Khóa bí mật base32." }), uri: z.string() });
export const recoveryCodesBody = z.object({ recoveryCodes: z.array(z.string()) });
