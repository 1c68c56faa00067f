// Easy to read aloud and type from paper: no 0/O, 1/l/I.
const SYLLABLE_CONSONANTS = 'bcdfghjkmnprstwz';
const VOWELS = 'aeiu';
const DIGITS = '23456789';

function pick(alphabet: string, random: Uint32Array, i: number): string {
  return alphabet[random[i]! % alphabet.length]!;
}

/**
 * A readable password such as "Kabu-Rinta-Soke-47": three capitalised pseudo-words and two
 * digits (about 50 bits), long enough for the 10-character minimum.
 */
export function randomPassword(): string {
  const random = new Uint32Array(14);
  crypto.getRandomValues(random);
  let n = 0;
  const words: string[] = [];
  for (let w = 0; w < 3; w++) {
    let word = '';
    for (let s = 0; s < 2; s++) {
      word += pick(SYLLABLE_CONSONANTS, random, n++) + pick(VOWELS, random, n++);
    }
    words.push(word[0]!.toUpperCase() + word.slice(1));
  }
  const digits = pick(DIGITS, random, n++) + pick(DIGITS, random, n++);
  return [...words, digits].join('-');
}
