/** A word, number or punctuation mark, with UTF-16 offsets into the text it came from. */
export type Token = {
  text: string;
  lower: string;
  start: number;
  end: number;
  kind: 'word' | 'number' | 'punct';
  /** Starts with a capital letter: a name, or in German any noun. */
  capital: boolean;
};

// Words keep inner hyphens, apostrophes and dots ("Ende-zu-Ende", "Taiwan's", "z.B", "U.S"), and a
// figure joined to a word by a hyphen is one word ("31-jährigen", "13-Jährige", "2,5-fache"), not a
// number and a stray "-jährigen" that parses as a verb; a number keeps its decimal and thousands
// separators but never a final dot, which may end a sentence.
const TOKEN =
  /(\p{L}[\p{L}\p{M}\p{N}]*(?:[-'’.][\p{L}\p{M}\p{N}]+)*|\p{N}+(?:[.,]\p{N}+)*-\p{L}[\p{L}\p{M}\p{N}]*(?:-[\p{L}\p{M}\p{N}]+)*)|(\p{N}+(?:[.,:]\p{N}+)*(?:%)?)|(\S)/gu;
const CAPITAL = /^(?:\p{N}+(?:[.,]\p{N}+)*-)?\p{Lu}/u;

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    const value = match[0];
    const kind = match[1] ? 'word' : match[2] ? 'number' : 'punct';
    tokens.push({
      text: value,
      lower: value.toLowerCase().replace(/’/g, "'"),
      start: offset + match.index,
      end: offset + match.index + value.length,
      kind,
      capital: kind === 'word' && CAPITAL.test(value),
    });
  }
  return tokens;
}
