//! Internal macros: impls generated once per tuple arity.

/// Calls `$m!` once per tuple arity from 1 to 16, with a type name, an index-type name and
/// a field index for each element.
macro_rules! for_tuples {
    ($m:ident) => {
        $m!(A0 I0 0);
        $m!(A0 I0 0, A1 I1 1);
        $m!(A0 I0 0, A1 I1 1, A2 I2 2);
        $m!(A0 I0 0, A1 I1 1, A2 I2 2, A3 I3 3);
        $m!(A0 I0 0, A1 I1 1, A2 I2 2, A3 I3 3, A4 I4 4);
        $m!(A0 I0 0, A1 I1 1, A2 I2 2, A3 I3 3, A4 I4 4, A5 I5 5);
        $m!(A0 I0 0, A1 I1 1, A2 I2 2, A3 I3 3, A4 I4 4, A5 I5 5, A6 I6 6);
        $m!(A0 I0 0, A1 I1 1, A2 I2 2, A3 I3 3, A4 I4 4, A5 I5 5, A6 I6 6, A7 I7 7);
        $m!(A0 I0 0, A1 I1 1, A2 I2 2, A3 I3 3, A4 I4 4, A5 I5 5, A6 I6 6, A7 I7 7, A8 I8 8);
        $m!(A0 I0 0, A1 I1 1, A2 I2 2, A3 I3 3, A4 I4 4, A5 I5 5, A6 I6 6, A7 I7 7, A8 I8 8, A9 I9 9);
        $m!(A0 I0 0, A1 I1 1, A2 I2 2, A3 I3 3, A4 I4 4, A5 I5 5, A6 I6 6, A7 I7 7, A8 I8 8, A9 I9 9, A10 I10 10);
        $m!(A0 I0 0, A1 I1 1, A2 I2 2, A3 I3 3, A4 I4 4, A5 I5 5, A6 I6 6, A7 I7 7, A8 I8 8, A9 I9 9, A10 I10 10, A11 I11 11);
        $m!(A0 I0 0, A1 I1 1, A2 I2 2, A3 I3 3, A4 I4 4, A5 I5 5, A6 I6 6, A7 I7 7, A8 I8 8, A9 I9 9, A10 I10 10, A11 I11 11, A12 I12 12);
        $m!(A0 I0 0, A1 I1 1, A2 I2 2, A3 I3 3, A4 I4 4, A5 I5 5, A6 I6 6, A7 I7 7, A8 I8 8, A9 I9 9, A10 I10 10, A11 I11 11, A12 I12 12, A13 I13 13);
        $m!(A0 I0 0, A1 I1 1, A2 I2 2, A3 I3 3, A4 I4 4, A5 I5 5, A6 I6 6, A7 I7 7, A8 I8 8, A9 I9 9, A10 I10 10, A11 I11 11, A12 I12 12, A13 I13 13, A14 I14 14);
        $m!(A0 I0 0, A1 I1 1, A2 I2 2, A3 I3 3, A4 I4 4, A5 I5 5, A6 I6 6, A7 I7 7, A8 I8 8, A9 I9 9, A10 I10 10, A11 I11 11, A12 I12 12, A13 I13 13, A14 I14 14, A15 I15 15);
    };
}
pub(crate) use for_tuples;
