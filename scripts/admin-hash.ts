// npm run admin:hash -- 'your password'   (or: npm run admin:hash, then type it)
// Prints a value for ADMIN_PASSWORD_HASH.
import { createInterface } from "node:readline/promises";
import { hashPassword } from "../lib/admin/password";

async function main() {
  let password = process.argv[2];
  if (!password) {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    password = await rl.question("Admin password: ");
    rl.close();
  }
  if (!password || password.length < 10) {
    console.error("Choose a password of at least 10 characters.");
    process.exitCode = 1;
    return;
  }
  console.log(await hashPassword(password));
}

void main();
