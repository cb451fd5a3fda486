// Starts the API (done for you). Configuration comes from the environment:
//   PORT, HOST   where to listen (3000, 127.0.0.1)
const { createApp } = require('./src/app');

const port = Number(process.env.PORT || '3000');
const host = process.env.HOST || '127.0.0.1';
createApp().listen(port, host, () => console.log(`Listening on http://${host}:${port}/v2/users/1`));
