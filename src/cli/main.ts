// PLACEHOLDER (replaced by the CLI work): the `gws-rx` command.
console.log('gws-rx: not yet');
