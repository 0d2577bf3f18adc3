declare namespace NodeJS {
  export interface ProcessEnv {
    NEXTAUTH_SECRET: string;
  }
}
