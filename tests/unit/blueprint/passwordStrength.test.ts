import { describe, expect, it } from 'vitest';
import { characterClasses, passwordStrength } from '../../../src/shared/blueprint/passwordStrength';

describe('the password strength hint (length and variety only)', () => {
  it('says nothing about an empty field', () => {
    expect(passwordStrength('')).toBeNull();
  });

  it('calls short passwords weak, however varied', () => {
    expect(passwordStrength('abc')).toBe('weak');
    expect(passwordStrength('aB3$xY')).toBe('weak');
  });

  it('calls 8 to 11 characters fair only when they mix three kinds of character', () => {
    expect(passwordStrength('password')).toBe('weak');
    expect(passwordStrength('Passw0rd')).toBe('fair');
  });

  it('calls 12 or more characters strong when varied, fair when all of one kind', () => {
    expect(passwordStrength('correct horse battery')).toBe('strong');
    expect(passwordStrength('abcdefghijkl')).toBe('fair');
    expect(passwordStrength('abcdefghijklmnop')).toBe('strong');
  });

  it('is not fooled by length made of one or two characters repeated', () => {
    expect(passwordStrength('aaaaaaaaaaaaaaaaaaaa')).toBe('weak');
    expect(passwordStrength('abababababababababab')).toBe('weak');
  });

  it('counts characters as a person sees them, and non-Latin letters as variety', () => {
    expect(characterClasses('비밀번호')).toBe(1);
    expect(characterClasses('aA1!')).toBe(4);
    expect(passwordStrength('한국어비밀번호입니다만세1')).toBe('strong');
  });
});
