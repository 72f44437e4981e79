// s3rver (a real S3-protocol server for tests) ships no type declarations.
declare module "s3rver";
