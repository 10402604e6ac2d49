// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice A smart-contract wallet that cannot receive ETH (no receive or fallback).
contract EthRejectingWallet {}
