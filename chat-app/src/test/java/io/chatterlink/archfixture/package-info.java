/**
 * A deliberately broken miniature of ChatterLink's package layout: each class breaks one
 * architecture rule, so that {@code ArchitectureRulesCanFailTest} can show every rule reporting it.
 * Never used by anything else.
 */
package io.chatterlink.archfixture;
