// jstat ships no types; this declares the one function the ICC intervals use.
declare module "jstat" {
  const jStat: {
    centralF: {
      /** The p-quantile of the F distribution with df1 and df2 degrees of freedom. */
      inv(p: number, df1: number, df2: number): number;
    };
  };
  export default jStat;
}
