import { createChatServer } from './src/chatServer';

const port = Number(process.env.PORT ?? 8080);
createChatServer({ port, host: process.env.HOST ?? '127.0.0.1' }).then((chat) => {
  console.log(`Chat server on ws://127.0.0.1:${chat.port}`);
  console.log('Try it from two terminals: npx wscat -c ws://127.0.0.1:' + chat.port);
  console.log('then send {"type":"join","name":"ada"} and {"type":"message","text":"hi"}');
  // Ctrl+C: close the clients and the server before exiting.
  process.once('SIGINT', () => chat.close().then(() => process.exit(0)));
});
