/**
 * A real UUID (the form of every id Jaring makes). Anything else would reach the database as a
 * uuid parameter and fail as an error 500; callers answer "not found" instead.
 */
export const isUuid = (id: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
