import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyPatchFile, PatchError } from '../../../src/db/unified-patch';

const PATCH = path.resolve(__dirname, '../../../scripts/ferretdb/sqlite-id-index.patch');
const TARGET = 'internal/backends/sqlite/metadata/metadata.go';

/** The lines of FerretDB v1.24.2's metadata.go the patch touches, with neighbours. */
const ORIGINAL = [
  'package metadata',
  '',
  'const (',
  '\t// DefaultColumn is a column name for all fields.',
  '\tDefaultColumn = backends.ReservedPrefix + "sjson"',
  '',
  '\t// IDColumn is a SQLite path expression for _id field.',
  '\tIDColumn = DefaultColumn + "->\'$._id\'"',
  '',
  '\t// RecordIDColumn is a name for RecordID column to store capped collection record id.',
  '\tRecordIDColumn = backends.ReservedPrefix + "record_id"',
  ')',
  '',
].join('\n');

function tree(content: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'patch-test-'));
  fs.mkdirSync(path.join(root, path.dirname(TARGET)), { recursive: true });
  fs.writeFileSync(path.join(root, TARGET), content);
  return root;
}

describe('the FerretDB patch', () => {
  it('rewrites the _id expression in the index form', () => {
    const root = tree(ORIGINAL);
    expect(applyPatchFile(root, PATCH)).toEqual([TARGET]);
    const after = fs.readFileSync(path.join(root, TARGET), 'utf8');
    expect(after).toContain('IDColumn = DefaultColumn + `->"_id"`');
    expect(after).not.toContain("->'$._id'");
    expect(after).toContain('RecordIDColumn = backends.ReservedPrefix + "record_id"');
  });

  it('fails loudly, naming the file, when the source no longer matches, and writes nothing', () => {
    const changed = ORIGINAL.replace("->'$._id'", "->'$.id'");
    const root = tree(changed);
    expect(() => applyPatchFile(root, PATCH)).toThrow(PatchError);
    expect(() => applyPatchFile(root, PATCH)).toThrow(/metadata\.go .*no longer applies/);
    expect(fs.readFileSync(path.join(root, TARGET), 'utf8')).toBe(changed);
  });

  it('fails when the file to patch is absent', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'patch-test-'));
    expect(() => applyPatchFile(root, PATCH)).toThrow(/does not exist/);
  });
});
