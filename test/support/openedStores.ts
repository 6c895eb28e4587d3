import { afterEach } from 'vitest';
import { RoleStore } from '../../src/store/roleStore.js';

/**
 * `open(file)` opens a database for a test's checks; every store it opened is closed after each
 * test, passed or failed, so a failed assertion leaves no connection behind.
 */
export function storesClosedAfterEach(): (file: string) => RoleStore {
  const opened: RoleStore[] = [];
  afterEach(() => {
    for (const store of opened.splice(0)) store.close();
  });
  return (file) => {
    const store = RoleStore.open(file);
    opened.push(store);
    return store;
  };
}
