declare namespace NodeJS {
  export interface ProcessEnv {
    NEXTAUTH_URL: string;
  }
}
