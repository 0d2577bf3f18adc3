// The session bridge: codemod/templates/legacy-v4-session.ts, as step 6 writes it.
