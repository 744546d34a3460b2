// The embedded run's user list: passwords kept only as salted scrypt hashes, checked in
// constant time, and an unknown name costs as much as a wrong password.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface UserAccount {
  id: string;
  username: string;
  displayName: string;
  roles: readonly string[];
  password: string;
}

export type DirectoryUser = Omit<UserAccount, 'password'>;

export interface UserDirectory {
  /** The user when the password is theirs; undefined for a wrong password or an unknown name. */
  authenticate(username: string, password: string): Promise<DirectoryUser | undefined>;
  byId(id: string): DirectoryUser | undefined;
}

interface PasswordHash {
  salt: Buffer;
  hash: Buffer;
}

const KEY_LENGTH = 32;
const SCRYPT = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

const derive = (password: string, salt: Buffer): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, SCRYPT, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });

export const hashPassword = async (password: string): Promise<PasswordHash> => {
  const salt = randomBytes(16);
  return { salt, hash: await derive(password, salt) };
};

export const verifyPassword = async (password: string, stored: PasswordHash): Promise<boolean> =>
  timingSafeEqual(await derive(password, stored.salt), stored.hash);

const usernameKey = (username: string): string => username.trim().toLowerCase();

export const createUserDirectory = async (
  accounts: readonly UserAccount[],
): Promise<UserDirectory> => {
  const byUsername = new Map<string, { user: DirectoryUser; password: PasswordHash }>();
  const byId = new Map<string, DirectoryUser>();
  for (const { password, ...user } of accounts) {
    const key = usernameKey(user.username);
    if (byUsername.has(key)) throw new Error(`duplicate username: ${user.username}`);
    if (byId.has(user.id)) throw new Error(`duplicate user id: ${user.id}`);
    byUsername.set(key, { user, password: await hashPassword(password) });
    byId.set(user.id, user);
  }
  // Checked against for unknown names so they take as long as a wrong password.
  const decoy = await hashPassword(randomBytes(16).toString('hex'));
  return {
    async authenticate(username, password) {
      const entry = byUsername.get(usernameKey(username));
      const matches = await verifyPassword(password, entry?.password ?? decoy);
      return entry && matches ? entry.user : undefined;
    },
    byId: (id) => byId.get(id),
  };
};
