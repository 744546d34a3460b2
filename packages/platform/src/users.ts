// The embedded run's people: an admin and one user per role, so every screen and permission can
// be tried. Production deployments use an external identity provider instead.
import { createUserDirectory, type UserDirectory } from '@crm/service-kit';

export interface SeedUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
}

export const ADMIN: SeedUser = {
  id: 'u-admin',
  username: 'admin',
  displayName: '系统管理员 Admin',
  roles: ['admin'],
};

export const DEMO_USERS: SeedUser[] = [
  {
    id: 'u-wang-fang',
    username: 'wang.fang',
    displayName: '王芳 Wang Fang',
    roles: ['sales_manager'],
  },
  { id: 'u-li-lei', username: 'li.lei', displayName: '李雷 Li Lei', roles: ['sales_rep'] },
  {
    id: 'u-han-meimei',
    username: 'han.meimei',
    displayName: '韩梅梅 Han Meimei',
    roles: ['sales_rep'],
  },
  { id: 'u-zhao-min', username: 'zhao.min', displayName: '赵敏 Zhao Min', roles: ['marketer'] },
  {
    id: 'u-chen-jie',
    username: 'chen.jie',
    displayName: '陈杰 Chen Jie',
    roles: ['support_agent'],
  },
  { id: 'u-sun-li', username: 'sun.li', displayName: '孙丽 Sun Li', roles: ['analyst'] },
];

export const userDirectory = (
  adminPassword: string,
  demoPassword: string,
): Promise<UserDirectory> =>
  createUserDirectory([
    { ...ADMIN, password: adminPassword },
    ...DEMO_USERS.map((user) => ({ ...user, password: demoPassword })),
  ]);
