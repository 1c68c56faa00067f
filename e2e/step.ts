/**
 * Runs one step of a journey against a timer, so that a hang says where it hung (a CI run once
 * waited 60 s in a journey without a word). Errors of the step carry its name too.
 */
export async function step<T>(name: string, fn: () => Promise<T>, ms = 20_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`step "${name}" did not finish in ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([fn(), timeout]);
  } catch (e) {
    if (e instanceof Error && !e.message.startsWith(`step "${name}"`))
      e.message = `step "${name}": ${e.message}`;
    throw e;
  } finally {
    clearTimeout(timer);
  }
}
