import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateLiteralRange } from '../../src/data/index.js';

const NOW = new Date('2024-03-15T10:30:00.000Z'); // a Friday
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const range = (name: string, n: number | null = null, tz = 'UTC') => dateLiteralRange(name, n, NOW, tz).map(day);

test('day, week (Sunday first), month, quarter and year literals give half-open ranges', () => {
    assert.deepEqual(range('TODAY'), ['2024-03-15', '2024-03-16']);
    assert.deepEqual(range('YESTERDAY'), ['2024-03-14', '2024-03-15']);
    assert.deepEqual(range('TOMORROW'), ['2024-03-16', '2024-03-17']);
    assert.deepEqual(range('THIS_WEEK'), ['2024-03-10', '2024-03-17']);
    assert.deepEqual(range('LAST_WEEK'), ['2024-03-03', '2024-03-10']);
    assert.deepEqual(range('NEXT_WEEK'), ['2024-03-17', '2024-03-24']);
    assert.deepEqual(range('THIS_MONTH'), ['2024-03-01', '2024-04-01']);
    assert.deepEqual(range('LAST_MONTH'), ['2024-02-01', '2024-03-01']);
    assert.deepEqual(range('NEXT_MONTH'), ['2024-04-01', '2024-05-01']);
    assert.deepEqual(range('THIS_QUARTER'), ['2024-01-01', '2024-04-01']);
    assert.deepEqual(range('LAST_QUARTER'), ['2023-10-01', '2024-01-01']);
    assert.deepEqual(range('NEXT_QUARTER'), ['2024-04-01', '2024-07-01']);
    assert.deepEqual(range('THIS_YEAR'), ['2024-01-01', '2025-01-01']);
    assert.deepEqual(range('LAST_YEAR'), ['2023-01-01', '2024-01-01']);
    assert.deepEqual(range('NEXT_YEAR'), ['2025-01-01', '2026-01-01']);
    assert.deepEqual(range('THIS_FISCAL_YEAR'), ['2024-01-01', '2025-01-01'], 'default fiscal year = calendar year');
});

test('N-parameter literals', () => {
    assert.deepEqual(range('LAST_N_DAYS', 7), ['2024-03-08', '2024-03-16'], 'includes today');
    assert.deepEqual(range('NEXT_N_DAYS', 7), ['2024-03-16', '2024-03-23'], 'starts tomorrow');
    assert.deepEqual(range('N_DAYS_AGO', 3), ['2024-03-12', '2024-03-13']);
    assert.deepEqual(range('LAST_90_DAYS'), ['2023-12-16', '2024-03-16']);
    assert.deepEqual(range('NEXT_90_DAYS'), ['2024-03-16', '2024-06-14']);
    assert.deepEqual(range('LAST_N_WEEKS', 2), ['2024-02-25', '2024-03-10']);
    assert.deepEqual(range('NEXT_N_WEEKS', 1), ['2024-03-17', '2024-03-24']);
    assert.deepEqual(range('N_WEEKS_AGO', 1), ['2024-03-03', '2024-03-10']);
    assert.deepEqual(range('LAST_N_MONTHS', 2), ['2024-01-01', '2024-03-01']);
    assert.deepEqual(range('NEXT_N_MONTHS', 2), ['2024-04-01', '2024-06-01']);
    assert.deepEqual(range('N_MONTHS_AGO', 13), ['2023-02-01', '2023-03-01']);
    assert.deepEqual(range('LAST_N_QUARTERS', 2), ['2023-07-01', '2024-01-01']);
    assert.deepEqual(range('NEXT_N_QUARTERS', 1), ['2024-04-01', '2024-07-01']);
    assert.deepEqual(range('N_QUARTERS_AGO', 1), ['2023-10-01', '2024-01-01']);
    assert.deepEqual(range('LAST_N_YEARS', 2), ['2022-01-01', '2024-01-01']);
    assert.deepEqual(range('NEXT_N_YEARS', 1), ['2025-01-01', '2026-01-01']);
    assert.deepEqual(range('N_YEARS_AGO', 1), ['2023-01-01', '2024-01-01']);
    assert.throws(() => range('LAST_N_DAYS'), /non-negative integer/);
});

test('today depends on the org time zone', () => {
    assert.deepEqual(dateLiteralRange('TODAY', null, new Date('2024-03-15T23:30:00.000Z'), 'Asia/Tokyo').map(day), [
        '2024-03-16',
        '2024-03-17',
    ]);
    assert.deepEqual(
        dateLiteralRange('TODAY', null, new Date('2024-03-15T03:30:00.000Z'), 'America/Los_Angeles').map(day),
        ['2024-03-14', '2024-03-15'],
    );
});
