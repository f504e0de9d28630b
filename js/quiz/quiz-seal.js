/* Reading typed answers and opening sealed quiz blobs: the same rules as course/quiz/answers.py, tested
 * against the same vectors (tests/quiz_vectors.json). A classic script (pages opened from disk refuse
 * modules); it needs js-sha256's global `sha256` (no WebCrypto: it is missing on plain-http pages).
 * In Node (the tests) it exports itself instead. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("js-sha256").sha256);
  } else {
    root.QuizSeal = factory(root.sha256);
  }
})(typeof self !== "undefined" ? self : this, function (sha256) {
  "use strict";
  var FORMAT = 2;
  var KINDS = {
    letter: "one letter in place of x, like this: answer = x",
    letters: "the letters you choose, separated by commas, like this: answer = x, y",
    order: "all the letters in the order you choose, separated by commas, like this: answer = z, x, y",
    number: "a number, like this: answer = 2.75 (a decimal comma works too: 2,75)",
    word: "a word or a few words, like this: answer = your own words"
  };
  var QUOTES = "\"'`\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u00ab\u00bb";
  var BRACKETS = "()[]{}<>";
  var ANSWER = /(?:^|[\s;])answer\s*[=:](?!=)\s*(.*)$/i;
  var SEPARATORS = /(?:[\s,;/+&>|\-]|\band\b|\bet\b|\by\b)+/i;
  var LINES = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;

  function FormatError(message, blank) {
    this.name = "FormatError";
    this.message = message;
    this.blank = !!blank;
  }
  FormatError.prototype = Object.create(Error.prototype);

  function stripChars(text, chars) {
    var start = 0, end = text.length;
    while (start < end && chars.indexOf(text[start]) >= 0) start++;
    while (end > start && chars.indexOf(text[end - 1]) >= 0) end--;
    return text.slice(start, end);
  }

  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }

  function typedValue(text) {
    var lines = [];
    String(text).normalize("NFKC").split(LINES).forEach(function (line) {
      line = line.split("#")[0].trim();
      if (line) lines.push(line);
    });
    var marked = lines.map(function (line) { return ANSWER.exec(line); }).filter(Boolean);
    if (marked.length) return marked[marked.length - 1][1].trim();
    if (lines.length > 1) throw new FormatError("Your answer is on several lines: write it on one line, after answer =.");
    return lines.length ? lines[0] : "";
  }

  function stripMarks(value) {
    var chars = QUOTES + BRACKETS;
    for (var i = 0; i < chars.length; i++) value = value.split(chars[i]).join(" ");
    return value.trim();
  }

  function formatNumber(value) {
    if (value === 0) value = 0;
    return value.toFixed(6).replace(/0+$/, "").replace(/\.$/, "");
  }

  function read(kind, text) {
    if (!KINDS[kind]) throw new Error("unknown answer kind " + kind);
    var how = "Write " + KINDS[kind] + ".";
    var raw = typedValue(text);
    var value = stripMarks(raw);
    if (value === "" || value === "..." || value === "\u2026" || stripChars(value, ". \u2026") === "") {
      throw new FormatError("You have not answered yet: after answer = write " + KINDS[kind] + ".", true);
    }
    if (kind === "letter") {
      var letter = stripChars(fold(value), " .)");
      if (!/^[a-z]$/.test(letter)) throw new FormatError("I read \u201c" + raw + "\u201d, which is not one letter. " + how);
      return letter;
    }
    if (kind === "letters" || kind === "order") {
      var items = fold(value).split(".").join(" ").split(SEPARATORS).filter(function (t) { return t; });
      if (items.length === 1 && /^[a-z]{2,}$/.test(items[0])) items = items[0].split("");
      var bad = items.filter(function (t) { return !/^[a-z]$/.test(t); });
      if (!items.length) bad = [raw];
      if (bad.length) throw new FormatError("I read \u201c" + raw + "\u201d, and \u201c" + bad[0] + "\u201d is not one letter. " + how);
      if (new Set(items).size !== items.length) throw new FormatError("I read \u201c" + raw + "\u201d, which has a letter twice. " + how);
      return (kind === "letters" ? items.slice().sort() : items).join(",");
    }
    if (kind === "number") {
      var numbers = value.replace(/[\s\u00a0\u202f]/g, "").match(/[-+]?[0-9]+(?:[.,][0-9]+)?/g) || [];
      if (numbers.length !== 1) throw new FormatError("I read \u201c" + raw + "\u201d, which is not one number. " + how);
      var number = parseFloat(numbers[0].replace(",", "."));
      if (Math.abs(number) >= 1e15) throw new FormatError("I read \u201c" + raw + "\u201d, which is too large a number. " + how);
      return formatNumber(number);
    }
    var words = stripChars(fold(value).replace(/[\s\-_]+/g, " "), " .,;:!?");
    if (!words) throw new FormatError("I read \u201c" + raw + "\u201d, which has no words. " + how);
    return words;
  }

  function describe(kind, key) {
    var items = key.split(",");
    if (kind === "letter") return "You chose " + key + ".";
    if (kind === "letters") {
      return items.length === 1 ? "You chose " + items[0] + "."
        : "You chose " + items.slice(0, -1).join(", ") + " and " + items[items.length - 1] + ".";
    }
    if (kind === "order") return "Your order is " + items.join(", ") + ".";
    if (kind === "number") return "You wrote the number " + key + ".";
    return "You wrote: " + key + ".";
  }

  // --- opening a sealed blob -------------------------------------------------------------------------------
  function digest(parts) { return sha256.array(parts.join("\x1f")); }
  function hex(bytes) {
    return bytes.map(function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
  }
  function fromBase64(text) {
    var binary = atob(text), bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }
  function xor(data, key) {
    var keyHex = hex(key), out = new Uint8Array(data.length);
    for (var block = 0; block * 32 < data.length; block++) {
      var stream = sha256.array(keyHex + "\x1f" + block);
      for (var i = 0; i < 32 && block * 32 + i < data.length; i++) out[block * 32 + i] = data[block * 32 + i] ^ stream[i];
    }
    return out;
  }
  function unlock(sealed, key) {
    var bytes = xor(fromBase64(sealed), key), end = bytes.length;
    while (end > 0 && bytes[end - 1] === 0) end--;
    return new TextDecoder("utf-8").decode(bytes.subarray(0, end));
  }
  function unseal(blob) {
    var data = JSON.parse(atob(blob));
    if (data.v !== FORMAT) throw new Error("sealed quiz format " + data.v + ", expected " + FORMAT);
    return data;
  }
  function open(blob, key) {
    var data = typeof blob === "string" ? unseal(blob) : blob, salt = data.s, q = data.q;
    var index = data.h.indexOf(hex(digest(["hash", salt, q, key])));
    if (index >= 0) return {right: true, text: unlock(data.e[index], digest(["open", salt, q, key])), why: []};
    var why = [];
    if (data.k === "letter" || data.k === "letters") {
      key.split(",").forEach(function (letter) {
        var at = (data.o || []).indexOf(letter);
        if (at < 0) return;
        var text = unlock(data.w[at], digest(["why", salt, q, letter]));
        if (text) why.push([letter, text]);
      });
    }
    return {right: false, text: unlock(data.t, digest(["hint", salt, q])), why: why};
  }

  return {FORMAT: FORMAT, KINDS: KINDS, FormatError: FormatError, read: read, describe: describe,
          unseal: unseal, open: open};
});
