// A fixed test environment, set before any module reads it. Tests never read .env.local.
process.env.NEXTAUTH_SECRET = "test-secret-that-is-at-least-32-characters-long";
process.env.NEXTAUTH_URL = "http://localhost:3000";
process.env.PGLITE_DATA_DIR = "memory://";
process.env.ROLE_RECHECK_SECONDS = "60";
process.env.ADMIN_EMAILS = "octo-admin@example.com";
process.env.AUTH_GITHUB_ID = "test-github-client-id";
process.env.AUTH_GITHUB_SECRET = "test-github-client-secret";
// scrypt at N=2^10 instead of 2^17 (lib/env.ts refuses this in production): a sign-in costs ms, not 0.3 s.
process.env.PASSWORD_HASH_LOG2_N = "10";
delete process.env.AUTH_SECRET;
delete process.env.GITHUB_ID;
delete process.env.GITHUB_SECRET;
delete process.env.AUTH_GITHUB_ENTERPRISE_URL;
// DATABASE_URL is kept: when set, database tests run against that PostgreSQL server.
// next-auth's logger prints handled errors (e.g. a revoked session); keep test output readable.
process.env.NEXTAUTH_DEBUG = "";
