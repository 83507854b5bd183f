import { mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { recordDriveBootTest } from '../../src/core/reports/recordDriveBootTest';
import { listReports, readReport, saveReport } from '../../src/core/reports/reportStore';
import { reportToCsv } from '../../src/core/reports/reportToCsv';
import type { DriveBootTestResult } from '../../src/shared/driveBootTest';
import type { JobResult } from '../../src/shared/flash';

const result: JobResult = {
  jobId: 'job-abc',
  kind: 'flash',
  image: {
    path: '/images/disk.raw',
    size: 10_737_418_240,
    sha256: 'a'.repeat(64),
    compression: 'none',
    mappedSize: 1_000_000,
    extentCount: 12,
  },
  drives: [
    {
      drive: { path: '/dev/sdb', model: '=HYPERLINK("http://evil")', serial: 'AA01', size: 32e9, bus: 'USB' },
      status: 'verified',
      startedAt: '2026-11-25T10:00:00.000Z',
      endedAt: '2026-11-25T10:01:00.000Z',
      bytesWritten: 1_000_000,
      verified: true,
      error: null,
      writeMode: null,
      wipedSignatures: [],
    },
    {
      drive: { path: '/dev/sdc', model: 'Stick, "quoted"', serial: null, size: 16e9, bus: 'USB' },
      status: 'failed',
      startedAt: '2026-11-25T10:00:00.000Z',
      endedAt: '2026-11-25T10:00:30.000Z',
      bytesWritten: 500_000,
      verified: false,
      error: { code: 'verifyMismatch', message: 'differs', offset: 4096 },
      writeMode: null,
      wipedSignatures: [],
    },
  ],
};

describe('audit reports', () => {
  it('are stored privately, listed newest first, and read back by id', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bootstick-reports-'));
    const first = await saveReport(dir, result, new Date('2026-11-25T10:01:00Z'));
    const second = await saveReport(dir, { ...result, jobId: 'job-def' }, new Date('2026-11-25T11:00:00Z'));
    expect((await listReports(dir)).map((report) => report.id)).toEqual([second.id, first.id]);
    expect(await readReport(dir, first.id)).toEqual(first);
    expect((await stat(join(dir, 'reports', `${first.id}.json`))).mode & 0o777).toBe(0o600);
  });

  it('refuse ids that could reach outside the reports folder, and skip unreadable files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bootstick-reports-'));
    await saveReport(dir, result);
    await writeFile(join(dir, 'reports', 'broken.json'), '{ not json');
    expect(await readReport(dir, '../settings')).toBeNull();
    expect(await listReports(dir)).toHaveLength(1);
    expect(await readdir(join(dir, 'reports'))).toContain('broken.json');
  });

  it('export as CSV with one row per drive, quoted safely, formulas defused', async () => {
    const report = await saveReport(await mkdtemp(join(tmpdir(), 'bootstick-reports-')), result);
    const rows = parse(reportToCsv(report), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      image_sha256: 'a'.repeat(64),
      drive_path: '/dev/sdb',
      drive_serial: 'AA01',
      status: 'verified',
      verified: 'true',
    });
    expect(rows[0]?.drive_model?.startsWith("'=")).toBe(true);
    expect(rows[1]).toMatchObject({
      drive_model: 'Stick, "quoted"',
      drive_serial: '',
      error_code: 'verifyMismatch',
      mismatch_offset: '4096',
    });
  });
});

describe('a drive boot test in the audit report', () => {
  const booted = (drive: DriveBootTestResult['drive']): DriveBootTestResult => ({
    outcome: 'booted',
    proof: 'console: "bootstick-fixture login:"',
    accelerator: 'tcg',
    timeoutSeconds: 300,
    elapsedMs: 7200,
    lastConsoleLines: ['Bootstick test fixture', 'bootstick-fixture login:'],
    drive,
    readOnlyBefore: false,
    readOnlyDuringRun: true,
  });
  const stick = result.drives[0]?.drive as DriveBootTestResult['drive'];

  it('keeps the SSH login: who, whether they got in, each command and its verdict, not its output', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bootstick-reports-'));
    const report = await saveReport(dir, result);
    const run = (command: string, exitCode: number) => ({
      command,
      exitCode,
      passed: exitCode === 0,
      output: `${command} said a lot`,
    });
    await recordDriveBootTest(dir, {
      ...booted(stick),
      outcome: 'checkFailed',
      login: {
        user: 'core',
        banner: 'SSH-2.0-dropbear',
        loggedIn: true,
        bootcStatus: run('bootc status', 0),
        checks: [run('systemctl status tailscaled', 0), run('systemctl status missing', 4)],
      },
    });
    const stored = await readReport(dir, report.id);
    expect(stored?.drives[0]?.bootTest?.login).toEqual({
      user: 'core',
      loggedIn: true,
      checks: [
        { command: 'bootc status', passed: true, exitCode: 0 },
        { command: 'systemctl status tailscaled', passed: true, exitCode: 0 },
        { command: 'systemctl status missing', passed: false, exitCode: 4 },
      ],
    });
    // The CSV says it too: who, got in, how many passed, and which failed.
    const [row, other] = parse(reportToCsv(stored as NonNullable<typeof stored>), {
      columns: true,
    }) as Record<string, string>[];
    expect(row).toMatchObject({
      boot_test: 'checkFailed',
      boot_login_user: 'core',
      boot_logged_in: 'true',
      boot_checks_passed: '2',
      boot_checks_failed: 'systemctl status missing',
    });
    expect(other).toMatchObject({ boot_test: '', boot_login_user: '', boot_checks_failed: '' });
  });

  it('goes into the latest report of a job that wrote that very stick, and shows in the CSV', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bootstick-reports-'));
    const older = await saveReport(dir, result, new Date('2026-11-25T10:01:00Z'));
    const newer = await saveReport(dir, { ...result, jobId: 'job-new' }, new Date('2026-11-25T12:00:00Z'));
    const at = new Date('2026-11-25T12:05:00Z');
    const recorded = await recordDriveBootTest(dir, booted(stick), at);
    expect(recorded?.id).toBe(newer.id);
    const stored = await readReport(dir, newer.id);
    expect(stored?.drives[0]?.bootTest).toEqual({
      outcome: 'booted',
      proof: 'console: "bootstick-fixture login:"',
      accelerator: 'tcg',
      elapsedMs: 7200,
      at: at.toISOString(),
      lastConsoleLines: [],
    });
    expect(stored?.drives[1]?.bootTest).toBeUndefined();
    expect((await readReport(dir, older.id))?.drives[0]?.bootTest).toBeUndefined();
    const [row] = parse(reportToCsv(stored as NonNullable<typeof stored>), { columns: true }) as Record<
      string,
      string
    >[];
    expect(row).toMatchObject({ boot_test: 'booted', boot_accelerator: 'tcg', boot_elapsed_ms: '7200' });
  });

  it('is not recorded for another stick under the same name, nor for a drive whose job failed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bootstick-reports-'));
    await saveReport(dir, result);
    expect(await recordDriveBootTest(dir, booted({ ...stick, serial: 'OTHER' }))).toBeNull();
    const failed = result.drives[1]?.drive as DriveBootTestResult['drive'];
    expect(await recordDriveBootTest(dir, booted(failed))).toBeNull();
  });

  it('is not recorded into an older report once a newer job on that stick failed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bootstick-reports-'));
    const older = await saveReport(dir, result, new Date('2026-11-25T10:01:00Z'));
    const halfWritten = {
      ...result,
      jobId: 'job-failed',
      drives: result.drives.map((outcome, index) =>
        index === 0 ? { ...outcome, status: 'failed' as const } : outcome,
      ),
    };
    await saveReport(dir, halfWritten, new Date('2026-11-25T12:00:00Z'));
    expect(await recordDriveBootTest(dir, booted(stick))).toBeNull();
    expect((await readReport(dir, older.id))?.drives[0]?.bootTest).toBeUndefined();
  });

  it.each(['cancelled', 'noQemu', 'noFirmware', 'kvmNotPermitted'] as const)(
    'does not let a test that reached no verdict (%s) replace a real result',
    async (outcome) => {
      const dir = await mkdtemp(join(tmpdir(), 'bootstick-reports-'));
      const report = await saveReport(dir, result);
      await recordDriveBootTest(dir, booted(stick));
      expect(await recordDriveBootTest(dir, { ...booted(stick), outcome, proof: undefined })).toBeNull();
      expect((await readReport(dir, report.id))?.drives[0]?.bootTest?.outcome).toBe('booted');
    },
  );

  it('keeps which machine an arm64 stick was booted as', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bootstick-reports-'));
    await saveReport(dir, result);
    const arm64 = {
      ...booted(stick),
      architecture: 'aarch64' as const,
      qemu: '/usr/bin/qemu-system-aarch64',
    };
    const recorded = await recordDriveBootTest(dir, arm64);
    expect(recorded?.drives[0]?.bootTest?.architecture).toBe('aarch64');
    const [row] = parse(reportToCsv(recorded as NonNullable<typeof recorded>), { columns: true }) as Record<
      string,
      string
    >[];
    expect(row).toMatchObject({ boot_test: 'booted', boot_architecture: 'aarch64' });
    // The refusals of an arm64 stick this computer cannot boot are no verdict on the stick.
    for (const outcome of ['noQemuArm64', 'noFirmwareArm64', 'otherArchitecture'] as const) {
      expect(await recordDriveBootTest(dir, { ...booted(stick), outcome, proof: undefined })).toBeNull();
    }
  });

  it('keeps the console lines of a boot test that failed (the reason)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bootstick-reports-'));
    await saveReport(dir, result);
    const panicked = { ...booted(stick), outcome: 'kernelPanic' as const, proof: undefined };
    const recorded = await recordDriveBootTest(dir, panicked);
    expect(recorded?.drives[0]?.bootTest?.lastConsoleLines).toEqual(panicked.lastConsoleLines);
  });
});
