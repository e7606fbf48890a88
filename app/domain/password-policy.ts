/**
 * Password policy (等保2.0 level 3, OWASP ASVS): at least 8 characters, at least 3 of the
 * 4 character classes, not the account name, not a commonly used password.
 */
import { hasControlCharacters } from "./control-characters";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-length";

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

/** A short list of the passwords seen most in leaks and in Chinese sites' breach lists. */
const COMMON_PASSWORDS = new Set(
  [
    "password",
    "password1",
    "password123",
    "passw0rd",
    "p@ssw0rd",
    "p@ssword1",
    "admin123",
    "admin@123",
    "qwerty123",
    "qwer1234",
    "qwe123!@#",
    "1qaz2wsx",
    "1qaz@wsx",
    "1q2w3e4r",
    "1q2w3e4r5t",
    "abc12345",
    "abcd1234",
    "abc@1234",
    "aa123456",
    "a1234567",
    "a12345678",
    "woaini1314",
    "iloveyou1",
    "welcome1",
    "zxcvbnm1",
    "asdf1234",
    "test1234",
    "test@123",
    "root@123",
    "changeme1",
    "letmein1",
    "huawei@123",
    "p@ssw0rd123",
    "admin@2024",
    "admin@2025",
    "admin@2026",
    "xinyidai@123",
    "zhengzhou1",
    "china123",
  ].map((p) => p.toLowerCase()),
);

export type PasswordProblem =
  "tooShort" | "tooLong" | "characters" | "classes" | "containsUsername" | "common";

export function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

/** The first problem of a password, or null when it is acceptable. */
export function passwordProblem(password: string, username = ""): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return "tooShort";
  if (password.length > PASSWORD_MAX_LENGTH) return "tooLong";
  // Invisible characters nobody can type at a login form again.
  if (hasControlCharacters(password)) return "characters";
  if (characterClasses(password) < 3) return "classes";
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && password.toLowerCase().includes(name)) return "containsUsername";
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return "common";
  return null;
}
