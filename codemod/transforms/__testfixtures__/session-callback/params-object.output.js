const { MongoDBAdapter } = require("@next-auth/mongodb-adapter");
const clientPromise = require("./mongodb");

module.exports.authOptions = {
  adapter: MongoDBAdapter(clientPromise),
  providers: [],
  callbacks: {
    session: function (params) {
      return { user: params.session.user, expires: params.session.expires, userId: params.user.id };
    },
  },
};
