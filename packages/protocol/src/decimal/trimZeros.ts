/** The end of `text` without its trailing zeros (at least `from`): one backwards scan. */
export function trimZeros(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && text.charCodeAt(end - 1) === 48) end--;
  return end;
}
