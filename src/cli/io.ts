/** Where the commands write: standard output and standard error, or a test's collector. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const defaultIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
};
