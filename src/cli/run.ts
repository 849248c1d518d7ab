/** How a command's action hands its work to main(): the returned number is the exit code. */
export type Run = (fn: () => Promise<number> | number) => Promise<void>;
