const rows = [];

export const members = {
  list: async () => rows,
  byLogin: async (login) => rows.find((row) => row.login === login),
  greet: async (email) => rows.push({ email, greeted: true }),
};
