import { z } from 'zod';

/**
 * Zod's own messages (for checks that carry no message of their own) in Bahasa Indonesia.
 * Imported once by the server and by the web app.
 */
z.config(z.locales.id());

export { z };
