type Choices = Readonly<Record<string, string>> | ReadonlyArray<readonly [string, string]>;

/** The `<option>`s of a select: a code → French label table, or [value, text] pairs in their order. */
export function Options({ choices }: { choices: Choices }) {
  const entries = Array.isArray(choices) ? choices : Object.entries(choices);
  return (
    <>
      {entries.map(([value, text]) => (
        <option key={value} value={value}>
          {text}
        </option>
      ))}
    </>
  );
}
