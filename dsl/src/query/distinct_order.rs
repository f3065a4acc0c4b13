//! SELECT DISTINCT with ORDER BY: each ordering expression must be selected, since the
//! rows are made distinct on the selected values before they are sorted.

use super::clause::{Distinct, DistinctOn, NoDistinct, NoOrder, OrderBy};
use super::selection::WholeRow;
use crate::expr::{Expression, Order};
use crate::schema::{Column, TableIs};
use std::marker::PhantomData;

/// Proof that the selection `Self` includes expression `E`; `I` is the inferred place.
pub trait Selects<E, I> {}

/// Place: the selection is `E` itself.
#[derive(Debug)]
pub struct Itself;

/// Place: a column of the selected whole row.
#[derive(Debug)]
pub struct RowColumn;

/// Place: the `K`th element of a selected tuple, at `I` within it.
#[derive(Debug)]
pub struct At<const K: usize, I>(PhantomData<I>);

impl<E> Selects<E, Itself> for E {}

impl<C: Column, T> Selects<C, RowColumn> for WholeRow<T> where C::Table: TableIs<T> {}

macro_rules! tuple_selects {
    ($($name:ident $idx:ident $i:tt),+) => {
        tuple_selects!(@each [$($name),+] $($name $i),+);
    };
    (@each $all:tt $($name:ident $i:tt),+) => {$(
        tuple_selects!(@one $all $name $i);
    )+};
    (@one [$($all:ident),+] $name:ident $i:tt) => {
        impl<E, I, $($all),+> Selects<E, At<$i, I>> for ($($all,)+) where $name: Selects<E, I> {}
    };
}
crate::macros::for_tuples!(tuple_selects);

/// ORDER BY terms (one or a tuple) whose expressions selection `Sel` includes.
#[diagnostic::on_unimplemented(
    message = "with `.distinct()`, every ORDER BY expression must be selected",
    label = "an expression here is not in the select list",
    note = "the rows are made distinct on the selected values first: add the expression to the selection, or drop `.distinct()`"
)]
pub trait TermsSelected<Sel, I> {}

#[diagnostic::do_not_recommend]
impl<E: Expression, Sel: Selects<E, I>, I> TermsSelected<Sel, I> for E {}

#[diagnostic::do_not_recommend]
impl<E, Sel: Selects<E, I>, I> TermsSelected<Sel, I> for Order<E> {}

macro_rules! tuple_terms_selected {
    ($($name:ident $idx:ident $i:tt),+) => {
        #[diagnostic::do_not_recommend]
        impl<$($name: TermsSelected<Sel, $idx>, $idx,)+ Sel> TermsSelected<Sel, ($($idx,)+)> for ($($name,)+) {}
    };
}
crate::macros::for_tuples!(tuple_terms_selected);

/// Proof that a select's ORDER BY (`Self.0`) and DISTINCT (`Self.1`) agree with its
/// selection `Sel`: without DISTINCT anything goes; with it, every term is selected.
pub trait DistinctOrder<Sel, I> {}

impl<O, Sel> DistinctOrder<Sel, ()> for (O, NoDistinct) {}

impl<E, O, Sel> DistinctOrder<Sel, ()> for (O, DistinctOn<E>) {}

impl<Sel> DistinctOrder<Sel, ()> for (NoOrder, Distinct) {}

impl<T: TermsSelected<Sel, I>, Sel, I> DistinctOrder<Sel, I> for (OrderBy<T>, Distinct) {}
