import { initialSchema } from './0001-initial.js';
/**
 * Migrations live in code (not files read at runtime) so the compiled bundle carries them and a
 * new migration is a reviewed import. Names sort in the order they must run.
 */
const MIGRATIONS = {
    '0001-initial': initialSchema,
};
export const migrationProvider = {
    async getMigrations() {
        return MIGRATIONS;
    },
};
//# sourceMappingURL=index.js.map