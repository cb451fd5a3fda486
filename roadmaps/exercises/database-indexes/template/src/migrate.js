// Applies migrations/*.sql in name order (done for you), each file in its own transaction together
// with its row in schema_migrations, so a file that fails leaves nothing behind and stops the start.
const { readdir, readFile } = require('node:fs/promises');
const path = require('node:path');

const dir = path.join(__dirname, '..', 'migrations');

async function migrate(db) {
  await db.query('CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY)');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  for (const file of files) {
    const client = await db.connect();
    try {
      await client.query('BEGIN');
      const done = await client.query('SELECT 1 FROM schema_migrations WHERE version = $1', [file]);
      if (done.rows.length === 0) {
        await client.query(await readFile(path.join(dir, file), 'utf8'));
        await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [file]);
        console.log(`applied ${file}`);
      }
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw new Error(`${file}: ${err.message}`);
    } finally {
      client.release();
    }
  }
}

module.exports = { migrate };
