import { describe, expect, it } from 'vitest';
import type { Role } from '../../../functions/lib/domain.js';
import { ForbiddenError } from '../../../functions/lib/errors.js';
import { assertMayChangeRoles, assertMayInvite, assertMayRemove, ownerCountChange } from '../../../functions/lib/roles.js';

const ROLES: Role[] = ['OWNER', 'EDITOR', 'VIEWER'];

describe('assertMayInvite', () => {
  it('lets an OWNER invite anyone and an EDITOR invite EDITORs and VIEWERs', () => {
    for (const role of ROLES) expect(() => assertMayInvite('OWNER', role)).not.toThrow();
    expect(() => assertMayInvite('EDITOR', 'EDITOR')).not.toThrow();
    expect(() => assertMayInvite('EDITOR', 'VIEWER')).not.toThrow();
  });

  it('refuses an EDITOR inviting an OWNER, and a VIEWER inviting anyone', () => {
    expect(() => assertMayInvite('EDITOR', 'OWNER')).toThrow(new ForbiddenError('An EDITOR cannot invite an OWNER.'));
    for (const role of ROLES) expect(() => assertMayInvite('VIEWER', role)).toThrow(new ForbiddenError('A VIEWER cannot invite members.'));
  });
});

describe('assertMayChangeRoles', () => {
  it('is for OWNERs only', () => {
    expect(() => assertMayChangeRoles('OWNER')).not.toThrow();
    expect(() => assertMayChangeRoles('EDITOR')).toThrow(new ForbiddenError('Only an OWNER can change roles.'));
    expect(() => assertMayChangeRoles('VIEWER')).toThrow(new ForbiddenError('Only an OWNER can change roles.'));
  });
});

describe('assertMayRemove', () => {
  it('lets an OWNER remove anyone and anyone remove themselves', () => {
    expect(() => assertMayRemove({ userId: 'o', role: 'OWNER' }, 'someone')).not.toThrow();
    expect(() => assertMayRemove({ userId: 'v', role: 'VIEWER' }, 'v')).not.toThrow();
    expect(() => assertMayRemove({ userId: 'e', role: 'EDITOR' }, 'e')).not.toThrow();
  });

  it('refuses a non-OWNER removing someone else', () => {
    expect(() => assertMayRemove({ userId: 'e', role: 'EDITOR' }, 'v')).toThrow(new ForbiddenError('Only an OWNER can remove other members.'));
  });
});

describe('ownerCountChange', () => {
  it('counts changes to and from OWNER only', () => {
    expect(ownerCountChange(null, 'OWNER')).toBe(1);
    expect(ownerCountChange('EDITOR', 'OWNER')).toBe(1);
    expect(ownerCountChange('OWNER', 'VIEWER')).toBe(-1);
    expect(ownerCountChange('OWNER', null)).toBe(-1);
    expect(ownerCountChange('OWNER', 'OWNER')).toBe(0);
    expect(ownerCountChange('EDITOR', 'VIEWER')).toBe(0);
    expect(ownerCountChange(null, 'VIEWER')).toBe(0);
    expect(ownerCountChange('VIEWER', null)).toBe(0);
  });
});
