import { expect, test } from './support/fixtures.js';

const WRONG_PASSWORD = 'Bukan sandi yang benar 0';

/** The login flow; defined once, run with JavaScript on and off. */
function loginFlow() {
  test('a correct password lands on the dashboard', async ({ page, login, accounts }) => {
    await login('operator');
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('status')).toHaveText('Selamat datang.');
    await expect(page.getByRole('heading', { level: 2, name: 'Desa Meteseh' })).toBeVisible();
    await expect(page.getByRole('contentinfo')).toContainText(`Masuk sebagai ${accounts.operator.username}`);
  });

  test('a wrong password is refused and stays on /masuk', async ({ page, accounts }) => {
    await page.goto('/masuk');
    await page.getByLabel('Nama pengguna', { exact: true }).fill(accounts.operator.username);
    await page.getByLabel('Kata sandi', { exact: true }).fill(WRONG_PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();

    await expect(page.getByRole('alert')).toHaveText('Nama pengguna atau kata sandi salah.');
    await expect(page).toHaveURL(/\/masuk$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Masuk');
    // the username is kept, the password is not
    await expect(page.getByLabel('Nama pengguna', { exact: true })).toHaveValue(accounts.operator.username);
    await expect(page.getByLabel('Kata sandi', { exact: true })).toHaveValue('');
  });

  test('logging out returns to /masuk and the dashboard then asks to log in', async ({ page, login }) => {
    await login('operator');
    await page.getByRole('button', { name: 'Keluar', exact: true }).click();

    await expect(page).toHaveURL(/\/masuk$/);
    await expect(page.getByRole('status')).toHaveText('Anda sudah keluar.');

    await page.goto('/');
    await expect(page).toHaveURL(/\/masuk(\?|$)/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Masuk');
  });
}

loginFlow();

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  loginFlow();
});
