// Starts the API (done for you). Configuration comes from the environment:
//   PORT, HOST         where to listen (3000, 127.0.0.1)
//   UPLOAD_MAX_BYTES   the largest file accepted, in bytes (1048576)
//   UPLOAD_DIR         where files are stored (a fresh temporary folder)
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { createApp } = require('./src/app');

const maxBytes = Number(process.env.UPLOAD_MAX_BYTES || '1048576');
const dir = process.env.UPLOAD_DIR || fs.mkdtempSync(path.join(os.tmpdir(), 'uploads-'));
const port = Number(process.env.PORT || '3000');
const host = process.env.HOST || '127.0.0.1';
createApp({ maxBytes, dir }).listen(port, host, () => console.log(`Listening on http://${host}:${port}/files (storing in ${dir})`));
