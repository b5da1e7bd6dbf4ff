// Root scripts whose package has not landed yet say so instead of failing obscurely.
const what = process.argv[2] ?? "this script";
console.log(
  `unwind: \`pnpm ${what}\` is not available yet: the package that provides it has not landed.`,
);
