import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STAFF_PASSWORD, seedDemoInto } from '../test/demo-fixture.js';
import { createTestApp, TestClient, type TestApp } from '../test/test-app.js';

interface Staff {
  id: string;
  username: string;
  role: string;
  collegeName: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  canManage: boolean;
}

// One app for the file (an app and the demo per test cost most of this file's time): each test
// leaves the accounts it changes as it found them, or changes accounts it created itself.
describe('Staff accounts', () => {
  let test: TestApp;
  let admin: TestClient;
  let flAdmin: TestClient;

  const login = (
    login: string,
    password = DEMO_STAFF_PASSWORD,
    schoolSlug: string | null = 'demo',
  ) => {
    const client = new TestClient(test.app);
    const response = client.post('/api/auth/login/staff', {
      ...(schoolSlug ? { schoolSlug } : {}),
      login,
      password,
    });
    return { client, response };
  };
  const as = async (name: string) => {
    const { client, response } = login(name);
    expect((await response).statusCode).toBe(200);
    return client;
  };
  const staffList = async (client: TestClient, query = '') =>
    (await client.get(`/api/admin/staff${query}`)).json<{ items: Staff[]; total: number }>();
  const find = async (client: TestClient, username: string) => {
    const found = (await staffList(client, `?q=${username}`)).items.find(
      (item) => item.username === username,
    );
    if (!found) throw new Error(`${username} not listed`);
    return found;
  };
  const collegeId = async (client: TestClient, name: string) => {
    const body = (await client.get('/api/admin/colleges')).json<{
      items: { id: string; name: string }[];
    }>();
    const found = body.items.find((item) => item.name === name);
    if (!found) throw new Error(`${name} not listed`);
    return found.id;
  };

  /** A new staff account that changed its temporary password, logged in (test helper). */
  const newStaff = async (username: string) => {
    const created = await admin.post('/api/admin/staff', {
      name: `考官 ${username}`,
      username,
      role: 'examiner',
    });
    const { staff, temporaryPassword } = created.json<{
      staff: Staff;
      temporaryPassword: string;
    }>();
    const { client, response } = login(username, temporaryPassword);
    expect((await response).statusCode).toBe(200);
    const changed = await client.post('/api/auth/password/change', {
      currentPassword: temporaryPassword,
      newPassword: 'Examiner2026',
    });
    expect(changed.statusCode).toBe(200);
    return { staff, client, password: 'Examiner2026' };
  };

  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoInto(test);
    admin = await as('admin');
    flAdmin = await as('fl_admin');
  });
  afterAll(() => test.close());

  // First in the file: later tests add accounts to the school.
  it('lists the staff of the school with search and role filter, never platform admins', async () => {
    const all = await staffList(admin);
    expect(all.items.map((item) => item.username).sort()).toEqual(
      ['admin', 'fl_admin', 'panel1', 'panel2', 'proctor1', 'waiting1'].sort(),
    );
    expect(all.total).toBe(6);
    expect(all.items.find((item) => item.username === 'admin')?.canManage).toBe(false);
    expect((await staffList(admin, '?role=proctor')).items.map((i) => i.username)).toEqual([
      'proctor1',
    ]);
    expect((await staffList(admin, `?q=${encodeURIComponent('林老师')}`)).items).toHaveLength(1);
    expect((await staffList(admin, '?q=%25')).items).toHaveLength(0);
    const page = await staffList(admin, '?page=2&pageSize=4');
    expect(page).toMatchObject({ total: 6 });
    expect(page.items).toHaveLength(2);
  });

  it('shows a college admin only the staff of their college', async () => {
    const list = await staffList(flAdmin);
    expect(list.items.map((item) => item.username).sort()).toEqual([
      'fl_admin',
      'panel1',
      'panel2',
      'waiting1',
    ]);
    expect(list.items.find((i) => i.username === 'fl_admin')?.canManage).toBe(false);
    expect(list.items.find((i) => i.username === 'panel1')?.canManage).toBe(true);
  });

  it('refuses candidates, examiners and proctors', async () => {
    for (const name of ['waiting1', 'proctor1']) {
      const client = await as(name);
      expect((await client.get('/api/admin/staff')).statusCode).toBe(403);
      expect((await client.get('/api/admin/colleges')).statusCode).toBe(403);
      const created = await client.post('/api/admin/staff', {
        name: 'x',
        username: 'xyz',
        role: 'examiner',
      });
      expect(created.statusCode).toBe(403);
    }
    expect((await new TestClient(test.app).get('/api/admin/staff')).statusCode).toBe(401);
  });

  it('creates staff with a one-time password that must be changed at first login', async () => {
    const cs = await collegeId(admin, '计算机学院');
    const created = await admin.post('/api/admin/staff', {
      name: '考官 赵老师',
      username: 'cs_exam1',
      phone: '13900000011',
      role: 'examiner',
      collegeId: cs,
    });
    expect(created.statusCode).toBe(200);
    const { staff, temporaryPassword } = created.json<{
      staff: Staff;
      temporaryPassword: string;
    }>();
    expect(staff).toMatchObject({ collegeName: '计算机学院', mustChangePassword: true });
    expect(temporaryPassword).toMatch(/^[A-HJ-NP-Za-km-z2-9]{10}$/);

    const { client, response } = login('cs_exam1', temporaryPassword);
    expect((await response).json().user).toMatchObject({
      role: 'examiner',
      mustChangePassword: true,
    });
    expect((await client.get('/api/me/assignments')).json().error.code).toBe(
      'PASSWORD_CHANGE_REQUIRED',
    );
    const changed = await client.post('/api/auth/password/change', {
      currentPassword: temporaryPassword,
      newPassword: 'Examiner2026',
    });
    expect(changed.json().user.mustChangePassword).toBe(false);
    expect((await client.get('/api/me/assignments')).statusCode).toBe(200);
  });

  it('keeps usernames unique within the school and validates the input', async () => {
    const duplicate = await admin.post('/api/admin/staff', {
      name: '重复',
      username: 'panel1',
      role: 'proctor',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('DUPLICATE');
    const invalid = await admin.post('/api/admin/staff', {
      name: '手机号错',
      username: 'bad_phone',
      phone: '12345',
      role: 'proctor',
      isAdmin: true,
    });
    expect(invalid.json().error.code).toBe('VALIDATION_FAILED');
    const platform = await admin.post('/api/admin/staff', {
      name: '平台',
      username: 'platform2',
      role: 'platform_admin',
    });
    expect(platform.json().error.code).toBe('VALIDATION_FAILED');
    const collegeAdmin = await admin.post('/api/admin/staff', {
      name: '无学院',
      username: 'no_college',
      role: 'college_admin',
    });
    expect(collegeAdmin.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('lets a college admin create only examiners and proctors of their own college', async () => {
    const cs = await collegeId(admin, '计算机学院');
    const proctor = await flAdmin.post('/api/admin/staff', {
      name: '监考员 郑老师',
      username: 'fl_proctor',
      role: 'proctor',
    });
    expect(proctor.json().staff.collegeName).toBe('外国语学院');
    for (const role of ['college_admin', 'school_admin']) {
      const response = await flAdmin.post('/api/admin/staff', {
        name: 'x',
        username: `x_${role}`,
        role,
      });
      expect(response.statusCode).toBe(403);
    }
    const elsewhere = await flAdmin.post('/api/admin/staff', {
      name: 'x',
      username: 'cs_examiner',
      role: 'examiner',
      collegeId: cs,
    });
    expect(elsewhere.statusCode).toBe(403);
  });

  it('disables staff: their session ends and login is refused until enabled again', async () => {
    const examiner = await as('waiting1');
    expect((await examiner.get('/api/me/assignments')).statusCode).toBe(200);
    const target = await find(admin, 'waiting1');

    const disabled = await admin.put(`/api/admin/staff/${target.id}/disabled`, { disabled: true });
    expect(disabled.json()).toMatchObject({ username: 'waiting1', disabled: true });
    expect((await examiner.get('/api/me/assignments')).statusCode).toBe(401);
    const refused = await login('waiting1').response;
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('ACCOUNT_DISABLED');

    await admin.put(`/api/admin/staff/${target.id}/disabled`, { disabled: false });
    expect((await login('waiting1').response).statusCode).toBe(200);
  });

  it('resets a password: sessions end, the old password fails, the new one must be changed', async () => {
    const { staff: target, client: examiner, password } = await newStaff('reset_me');
    expect((await examiner.get('/api/me/assignments')).statusCode).toBe(200);
    const reset = await admin.post(`/api/admin/staff/${target.id}/password-reset`);
    const { temporaryPassword, staff } = reset.json<{ staff: Staff; temporaryPassword: string }>();
    expect(staff.mustChangePassword).toBe(true);
    expect((await examiner.get('/api/me/assignments')).statusCode).toBe(401);
    expect((await login('reset_me', password).response).json().error.code).toBe(
      'INVALID_CREDENTIALS',
    );
    const fresh = await login('reset_me', temporaryPassword).response;
    expect(fresh.json().user.mustChangePassword).toBe(true);
  });

  it('keeps admins off themselves, platform admins and other colleges', async () => {
    const self = await find(admin, 'admin');
    expect(
      (await admin.put(`/api/admin/staff/${self.id}/disabled`, { disabled: true })).statusCode,
    ).toBe(403);
    expect((await admin.post(`/api/admin/staff/${self.id}/password-reset`)).statusCode).toBe(403);

    const platformLogin = await login('platform', DEMO_STAFF_PASSWORD, null).response;
    const platformId = platformLogin.json().user.id as string;
    expect(
      (await admin.put(`/api/admin/staff/${platformId}/disabled`, { disabled: true })).statusCode,
    ).toBe(404);

    const proctor1 = await find(admin, 'proctor1'); // no college: outside fl_admin's sight
    const flAdminSelf = await find(admin, 'fl_admin');
    expect(
      (await flAdmin.put(`/api/admin/staff/${proctor1.id}/disabled`, { disabled: true }))
        .statusCode,
    ).toBe(404);
    expect((await flAdmin.post(`/api/admin/staff/${proctor1.id}/password-reset`)).statusCode).toBe(
      404,
    );
    expect(
      (await flAdmin.post(`/api/admin/staff/${flAdminSelf.id}/password-reset`)).statusCode,
    ).toBe(403);
    const panel2 = await find(flAdmin, 'panel2');
    expect(
      (await flAdmin.put(`/api/admin/staff/${panel2.id}/disabled`, { disabled: true })).json()
        .disabled,
    ).toBe(true);
    await flAdmin.put(`/api/admin/staff/${panel2.id}/disabled`, { disabled: false });

    const platform = new TestClient(test.app);
    await platform.post('/api/auth/login/staff', {
      login: 'platform',
      password: DEMO_STAFF_PASSWORD,
    });
    expect((await platform.get('/api/admin/staff')).statusCode).toBe(403);
  });
});
